using System.Collections.Concurrent;

namespace Culprit.Parsing;

/// <summary>
/// IANA zone names written after a timestamp (PHP's <c>[02-Jan-2024 10:00:00 Europe/Berlin]</c>). Only names
/// under a known region are looked up, and each once, so a word like <c>ERROR/MainProcess</c> costs nothing.
/// </summary>
internal static class ZoneNames
{
    private const int MaxCached = 512;

    private static readonly string[] Regions = ["Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Etc", "Europe", "Indian", "Pacific"];
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Zones = new(StringComparer.Ordinal);

    /// <summary>The UTC offset of the zone <paramref name="name"/> at the local time <paramref name="local"/> (read as if UTC).</summary>
    public static bool TryOffset(ReadOnlySpan<char> name, DateTimeOffset local, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (name is "UTC" or "GMT" or "Z")
            return true;
        var slash = name.IndexOf('/');
        if (slash <= 0 || !IsRegion(name[..slash]))
            return false;
        var lookup = Zones.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(name, out var zone))
        {
            var id = name.ToString();
            zone = TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : null;
            if (Zones.Count < MaxCached)
                Zones.TryAdd(id, zone);
        }

        if (zone is null)
            return false;
        offset = zone.GetUtcOffset(new DateTime(local.UtcTicks, DateTimeKind.Unspecified));
        return true;
    }

    private static bool IsRegion(ReadOnlySpan<char> region)
    {
        foreach (var known in Regions)
        {
            if (region.Equals(known, StringComparison.Ordinal))
                return true;
        }

        return false;
    }
}
