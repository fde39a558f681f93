using System.CommandLine;
using Culprit.Code.Samples;
using Culprit.Storage;

namespace Culprit.Cli.Commands;

/// <summary>
/// <c>culprit demo</c>: the whole job on the bundled samples. It builds the sample services' git repository (two
/// deployed versions each), records their deploys, analyzes the sample logs, and points every incident at its code
/// with suspect changes and the heuristic analyst's root cause — offline, with embedded storage.
/// </summary>
public static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new AnalyzeCliOptions();
        var command = new Command("demo", "Run the whole job on the bundled samples: incidents, their code at the deployed commit, suspect changes and root causes");
        options.AddTo(command, withCode: false);
        command.SetAction(async (parse, cancel) =>
        {
            var samples = SamplesFolder();
            console.Error.WriteLine($"Analyzing the sample logs in {samples}");
            var storage = parse.GetValue(options.NoStore) ? null : GlobalOptions.Storage(parse);
            string repositoryFolder;
            if (storage is not null)
            {
                // The demo starts from an empty store of its own each time, so it always shows the same incidents.
                storage.DataDirectory = Path.Combine(storage.DataDirectory, "demo");
                storage.Postgres = storage.ClickHouse = storage.Archive = null;
                if (Directory.Exists(storage.DataDirectory))
                    Directory.Delete(storage.DataDirectory, recursive: true);
                repositoryFolder = Path.Combine(storage.DataDirectory, "repository");
            }
            else
            {
                repositoryFolder = Path.Combine(Path.GetTempPath(), "culprit-demo-" + Guid.NewGuid().ToString("N"));
            }

            try
            {
                var repository = DemoRepository.Build(Path.GetDirectoryName(samples)!, repositoryFolder, TimeProvider.System);
                var deploys = Deploys(repository);
                console.Error.WriteLine($"Built the sample services' repository in {repositoryFolder} (head {repository.HeadSha[..12]}) and {deploys.Count} deploys");
                if (storage is not null)
                    await RecordAsync(storage, deploys, cancel);
                var values = options.Read(parse) with
                {
                    Code = new CodeCliValues(repositoryFolder, null, null, []),
                    Rca = true,
                    RcaOptions = new Culprit.Rca.Llm.RcaOptions(),
                };
                return await AnalyzeCommand.RunAsync(console, [samples], values, storage, cancel, deploys: Lookup(deploys));
            }
            finally
            {
                if (storage is null && Directory.Exists(repositoryFolder))
                    DeleteRepository(repositoryFolder);
            }
        });
        return command;
    }

    /// <summary>The sample logs: copied next to the program at build time.</summary>
    public static string SamplesFolder()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "samples", "logs");
        if (!Directory.Exists(folder))
            throw new InvalidOperationException($"the sample logs are missing from {folder}; rebuild with ./culprit");
        return folder;
    }

    private static List<DeployRecord> Deploys(DemoRepositoryInfo repository)
    {
        var deploys = new List<DeployRecord>();
        foreach (var service in repository.Services)
        {
            deploys.Add(new DeployRecord(service.Service, service.Environment, service.Previous.Version, service.Previous.CommitSha, service.Previous.DeployedAt));
            deploys.Add(new DeployRecord(service.Service, service.Environment, service.Current.Version, service.Current.CommitSha, service.Current.DeployedAt));
        }
        return deploys;
    }

    private static DeployLookup Lookup(List<DeployRecord> deploys) => DeployLookup.From(deploys);

    private static async Task RecordAsync(StorageOptions storage, List<DeployRecord> deploys, CancellationToken cancel)
    {
        await using var stores = await CliStores.OpenAsync(storage, cancel);
        if (stores.Incidents is not IDeployStore store)
            return;
        foreach (var deploy in deploys)
            await store.RecordDeployAsync(deploy, cancel);
    }

    private static void DeleteRepository(string folder)
    {
        // git marks its object files read-only.
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            File.SetAttributes(file, FileAttributes.Normal);
        Directory.Delete(folder, recursive: true);
    }
}
