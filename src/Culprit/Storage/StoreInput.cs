using System.Text.Json;

namespace Culprit.Storage;

/// <summary>Checks of caller input shared by the table stores, each failing with an <see cref="ArgumentException"/> meant for the user.</summary>
internal static class StoreInput
{
    /// <summary>The text trimmed; an exception naming <paramref name="what"/> when it is null or blank.</summary>
    public static string Required(string? text, string what) =>
        string.IsNullOrWhiteSpace(text) ? throw new ArgumentException($"{what} must not be empty") : text.Trim();

    /// <summary>The text trimmed, or null when it is null or blank.</summary>
    public static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The JSON unchanged when it is one well-formed JSON value; an exception saying where it breaks otherwise.</summary>
    public static string Json(string? json, string what)
    {
        if (string.IsNullOrWhiteSpace(json))
            throw new ArgumentException($"{what} must be JSON, not empty");
        try
        {
            using var document = JsonDocument.Parse(json);
            return json;
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"{what} is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>A new id: a version-7 GUID (time-ordered) as 32 hex digits, like the other tables' ids.</summary>
    public static string NewId(DateTimeOffset now) => Guid.CreateVersion7(now).ToString("N");
}
