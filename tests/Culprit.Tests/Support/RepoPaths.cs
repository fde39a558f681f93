namespace Culprit.Tests.Support;

/// <summary>Paths inside this repository (samples, fixtures).</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Culprit.slnx")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException("repository root (Culprit.slnx) not found");
    });

    public static string Root => RootPath.Value;

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);
}
