using Culprit.Cli.Output;

namespace Culprit.Tests.Support;

/// <summary>The structured ground truth of one loghub-2k system in <c>../shared/data</c>.</summary>
public static class LoghubTruth
{
    public static readonly string[] Systems = ["HDFS", "Hadoop", "Spark", "Zookeeper", "BGL", "HPC", "Thunderbird", "Windows", "Linux", "Android", "Apache", "OpenSSH"];

    public static List<(string LineId, string Content, string Template)> Read(string system)
    {
        using var reader = new StreamReader(SharedData.Path("loghub-2k", system, $"{system}_2k.log_structured_corrected.csv"));
        return [.. Csv.ReadWithHeader(reader).Select(r => (r["LineId"], r["Content"], r["EventTemplate"]))];
    }
}
