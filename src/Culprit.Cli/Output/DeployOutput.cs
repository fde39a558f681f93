using System.Text.Json;
using Culprit.Storage;

namespace Culprit.Cli.Output;

/// <summary>The deploy list as a table or as JSON.</summary>
internal static class DeployOutput
{
    public static void WriteJson(TextWriter writer, IReadOnlyList<DeployRecord> deploys)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, IncidentJson.Options))
        {
            w.WriteStartObject();
            w.WriteStartArray("deploys");
            foreach (var d in deploys)
            {
                w.WriteStartObject();
                w.WriteString("service", d.Service);
                w.WriteString("environment", d.Environment);
                w.WriteString("version", d.Version);
                w.WriteString("commit_sha", d.CommitSha);
                JsonTime.Write(w, "deployed_at", d.DeployedAt);
                w.WriteString("origin", d.Origin);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        writer.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    public static void WriteTable(TextWriter w, IReadOnlyList<DeployRecord> deploys)
    {
        if (deploys.Count == 0)
        {
            w.WriteLine("No deploys recorded. Record one with 'culprit deploy record --service S --env E --version V --commit SHA'.");
            return;
        }

        w.WriteLine($"{"deployed at",-24}  {"service",-16}  {"env",-10}  {"version",-16}  {"commit",-12}  origin");
        foreach (var d in deploys)
        {
            var sha = d.CommitSha is { } s ? s[..Math.Min(12, s.Length)] : "-";
            var env = d.Environment.Length == 0 ? "-" : d.Environment;
            w.WriteLine($"{JsonTime.Format(d.DeployedAt),-24}  {d.Service,-16}  {env,-10}  {d.Version,-16}  {sha,-12}  {d.Origin}");
        }
    }
}
