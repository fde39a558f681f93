using System.Globalization;
using System.Text.Json;

namespace Culprit.Cli.Output;

/// <summary>Times in every JSON output: UTC, ISO-8601 with milliseconds, null when unknown.</summary>
public static class JsonTime
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static void Write(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } v)
            writer.WriteString(name, Format(v));
        else
            writer.WriteNull(name);
    }
}
