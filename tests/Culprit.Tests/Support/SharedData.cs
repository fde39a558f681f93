namespace Culprit.Tests.Support;

/// <summary>Finds <c>../shared/data</c> (the real corpora) from the test's working folder.</summary>
public static class SharedData
{
    private static readonly Lazy<string> RootPath = new(Locate);

    public static string Root => RootPath.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        var fromEnv = Environment.GetEnvironmentVariable("CULPRIT_SHARED_DATA");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv))
            return fromEnv;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
                return candidate;
            candidate = System.IO.Path.Combine(dir.FullName, "..", "shared", "data");
            if (Directory.Exists(candidate) && File.Exists(System.IO.Path.Combine(dir.FullName, "Culprit.slnx")))
                return System.IO.Path.GetFullPath(candidate);
        }

        throw new DirectoryNotFoundException("../shared/data not found next to the repository; set CULPRIT_SHARED_DATA");
    }
}
