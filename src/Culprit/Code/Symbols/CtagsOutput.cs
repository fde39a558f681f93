using System.Text.Json;

namespace Culprit.Code.Symbols;

/// <summary>Reads ctags' <c>--output-format=json</c> lines; input files are named by their index in the batch (<c>12.py</c>).</summary>
internal static class CtagsOutput
{
    public static void Parse(ReadOnlySpan<byte> output, List<CtagsTag>[] byFile)
    {
        while (output.Length > 0)
        {
            var nl = output.IndexOf((byte)'\n');
            var line = nl < 0 ? output : output[..nl];
            output = nl < 0 ? [] : output[(nl + 1)..];
            if (line.Length > 0 && TryParse(line, out var tag) && tag.File >= 0 && tag.File < byFile.Length)
                byFile[tag.File].Add(tag);
        }
    }

    private static bool TryParse(ReadOnlySpan<byte> line, out CtagsTag tag)
    {
        tag = null!;
        string? type = null, name = null, path = null, kind = null, scope = null, scopeKind = null;
        int lineNumber = 0;
        int? end = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = reader.ValueSpan;
                reader.Read();
                if (property.SequenceEqual("_type"u8))
                    type = reader.GetString();
                else if (property.SequenceEqual("name"u8))
                    name = reader.GetString();
                else if (property.SequenceEqual("path"u8))
                    path = reader.GetString();
                else if (property.SequenceEqual("kind"u8))
                    kind = reader.GetString();
                else if (property.SequenceEqual("scope"u8))
                    scope = reader.GetString();
                else if (property.SequenceEqual("scopeKind"u8))
                    scopeKind = reader.GetString();
                else if (property.SequenceEqual("line"u8) && reader.TokenType == JsonTokenType.Number)
                    lineNumber = reader.GetInt32();
                else if (property.SequenceEqual("end"u8) && reader.TokenType == JsonTokenType.Number)
                    end = reader.GetInt32();
                else
                    reader.TrySkip();
            }
        }
        catch (JsonException)
        {
            return false;
        }

        if (type != "tag" || name is null || kind is null || path is null || lineNumber < 1)
            return false;
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (!int.TryParse(dot < 0 ? path : path[..dot], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var file))
            return false;
        tag = new CtagsTag(file, name, kind, lineNumber, end, scope, scopeKind);
        return true;
    }
}
