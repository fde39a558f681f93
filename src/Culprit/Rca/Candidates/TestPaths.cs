namespace Culprit.Rca.Candidates;

/// <summary>Tells test code from production code by path, for every indexed language's usual layout.</summary>
public static class TestPaths
{
    private static readonly string[] Folders = ["test", "tests", "__tests__", "spec", "specs", "testing", "testdata"];

    public static bool IsTest(string path)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (Array.IndexOf(Folders, segments[i].ToLowerInvariant()) >= 0)
                return true;
        }
        var name = segments[^1];
        var stem = name.Contains('.', StringComparison.Ordinal) ? name[..name.IndexOf('.', StringComparison.Ordinal)] : name;
        return stem.StartsWith("test_", StringComparison.Ordinal) || stem.EndsWith("_test", StringComparison.Ordinal)
            || stem.EndsWith("_spec", StringComparison.Ordinal)
            || stem.Length > 4 && (stem.EndsWith("Test", StringComparison.Ordinal) || stem.EndsWith("Tests", StringComparison.Ordinal))
            || name.Contains(".test.", StringComparison.Ordinal) || name.Contains(".spec.", StringComparison.Ordinal);
    }
}
