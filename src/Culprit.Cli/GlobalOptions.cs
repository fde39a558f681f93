using System.CommandLine;
using Culprit.Storage;

namespace Culprit.Cli;

/// <summary>Options every command takes: where the data lives and which configuration file to read.</summary>
public static class GlobalOptions
{
    public static Option<string?> Data { get; } = new("--data")
    {
        Description = "Folder of the embedded stores (default .culprit)",
        Recursive = true,
    };

    public static Option<string?> Config { get; } = new("--config")
    {
        Description = "Configuration file (default culprit.yaml when present); CULPRIT__SECTION__KEY variables override it",
        Recursive = true,
    };

    public static Pipeline.IngestOptions Ingest(ParseResult parse) =>
        CliConfiguration.Ingest(CliConfiguration.Load(parse.GetValue(Config)));

    public static StorageOptions Storage(ParseResult parse) =>
        CliConfiguration.Storage(CliConfiguration.Load(parse.GetValue(Config)), parse.GetValue(Data));
}
