using System.CommandLine;
using Culprit.Exceptions;

namespace Culprit.Cli.Commands;

/// <summary><c>--in-app</c> / <c>--not-in-app</c>: the user's own code and libraries, on top of the defaults.</summary>
public sealed class InAppCliOptions
{
    public Option<string[]> Include { get; } = new("--in-app")
    {
        Description = "Module prefix or path fragment of your own code (repeatable); wins over every exclude",
    };

    public Option<string[]> Exclude { get; } = new("--not-in-app")
    {
        Description = "Module prefix or path fragment of library code (repeatable), added to the defaults",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Include);
        command.Options.Add(Exclude);
    }

    public InAppRules Read(ParseResult parse)
    {
        var includes = parse.GetValue(Include);
        var excludes = parse.GetValue(Exclude);
        return includes is not { Length: > 0 } && excludes is not { Length: > 0 }
            ? InAppRules.Default
            : InAppRules.WithOverrides(includes, excludes);
    }
}
