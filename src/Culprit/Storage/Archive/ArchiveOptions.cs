using System.ComponentModel.DataAnnotations;

namespace Culprit.Storage.Archive;

/// <summary>How a raw archive compresses what it stores; shared by the folder and S3 archives.</summary>
public sealed class ArchiveOptions
{
    /// <summary>Compression of new chunks (default zstd).</summary>
    public ArchiveCompression Compression { get; set; } = ArchiveCompression.Zstd;

    /// <summary>Compression level: zstd 1–19 (default 3), gzip 0–9 (default 6); null takes the default.</summary>
    public int? Level { get; set; }

    internal int EffectiveLevel => Compression switch
    {
        ArchiveCompression.Gzip => Math.Min(Level ?? 6, 9),
        _ => Level ?? 3,
    };

    /// <summary>Throws one <see cref="ValidationException"/> naming every problem.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Compression))
            problems.Add($"archive compression '{Compression}' is not one of zstd, gzip");
        var (low, high) = Compression == ArchiveCompression.Gzip ? (0, 9) : (1, 19);
        if (Level is { } level && (level < low || level > high))
            problems.Add($"archive compression level {level} is out of range (zstd 1-19, gzip 0-9)");
        if (problems.Count > 0)
            throw new ValidationException(string.Join("; ", problems));
    }
}
