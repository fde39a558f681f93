using System.Buffers;
using System.Text;
using System.Text.Json;
using Culprit.Model;

namespace Culprit.Parsing;

/// <summary>
/// Reads one JSON log record in a single forward pass, mapping the field names of common loggers onto
/// <see cref="LogEntry"/> through <see cref="FieldAliases"/>. Nested objects are flattened to dotted names
/// (<c>error.stack</c>, <c>service.name</c>); arrays are kept as their JSON text, except a list of lines in an
/// exception field (python-json-logger's <c>exc_info</c>), which is joined. Field names are pooled, so a
/// steady stream of records allocates little beyond the values it keeps.
/// </summary>
public static class JsonEntryParser
{
    private const int MaxKeyLength = 256;
    private const int MaxNesting = 16;

    /// <summary>Parses <paramref name="line"/> into <paramref name="entry"/>; false (with a parse note when it is broken) when it is not a JSON object.</summary>
    public static bool TryParse(string line, LogEntry entry) => TryParse(line, entry, null);

    internal static bool TryParse(string line, LogEntry entry, LogClock? clock)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(line.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(line, buffer);
            var json = buffer.AsSpan(0, length);
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowTrailingCommas = true });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            var fields = new FieldSink(entry, clock);
            Span<char> key = stackalloc char[MaxKeyLength];
            ReadObject(ref reader, json, key, 0, 0, ref fields);
            // Anything but blanks after the object is an error, as for any JSON document.
            reader.Read();
            return true;
        }
        catch (JsonException e)
        {
            EntryFields.Clear(entry);
            entry.ParseNote = (entry.ParseNote is null ? "" : entry.ParseNote + "; ") + $"broken JSON: {e.Message}";
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void ReadObject(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> json, scoped Span<char> key, int prefix, int depth, ref FieldSink fields)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyLength = Name(ref reader, key, prefix, out var longKey);
            reader.Read();
            var name = longKey is null ? key[..keyLength] : longKey.AsSpan();
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject when depth < MaxNesting && longKey is null:
                    ReadObject(ref reader, json, key, keyLength, depth + 1, ref fields);
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    fields.Add(name, Composite(ref reader, json, name));
                    break;
                case JsonTokenType.String:
                    fields.Add(name, reader.GetString()!);
                    break;
                case JsonTokenType.Number:
                    fields.Add(name, Encoding.UTF8.GetString(reader.ValueSpan), number: true);
                    break;
                case JsonTokenType.True:
                    fields.Add(name, "true");
                    break;
                case JsonTokenType.False:
                    fields.Add(name, "false");
                    break;
                default:
                    fields.Add(name, "null");
                    break;
            }
        }
    }

    /// <summary>
    /// Writes the dotted name of the current property after the <paramref name="prefix"/> characters already in
    /// <paramref name="key"/>; a name too long for the buffer comes back as <paramref name="longKey"/>.
    /// </summary>
    private static int Name(ref Utf8JsonReader reader, scoped Span<char> key, int prefix, out string? longKey)
    {
        longKey = null;
        var start = prefix == 0 ? 0 : prefix + 1;
        if (start + reader.ValueSpan.Length <= key.Length && !reader.HasValueSequence)
        {
            if (prefix > 0)
                key[prefix] = '.';
            return start + reader.CopyString(key[start..]);
        }

        var name = reader.GetString()!;
        longKey = prefix == 0 ? name : string.Concat(key[..prefix], ".", name);
        return longKey.Length;
    }

    /// <summary>An array or a too-deep object: its JSON text, or for an exception field a list of lines joined.</summary>
    private static string Composite(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> json, scoped ReadOnlySpan<char> name)
    {
        if (reader.TokenType == JsonTokenType.StartArray && FieldAliases.Classify(name, out _) == FieldKind.Exception)
            return JoinLines(ref reader);
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var end = (int)reader.BytesConsumed;
        return Encoding.UTF8.GetString(json[start..end]);
    }

    private static string JoinLines(ref Utf8JsonReader reader)
    {
        var builder = new StringBuilder();
        var depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == depth))
        {
            if (reader.TokenType == JsonTokenType.String && reader.CurrentDepth == depth + 1)
            {
                if (builder.Length > 0)
                    builder.Append('\n');
                builder.Append(reader.GetString());
            }
            else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
        }

        return builder.ToString();
    }
}
