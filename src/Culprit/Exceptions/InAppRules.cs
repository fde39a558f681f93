using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>
/// Decides which frames are the user's own code: a frame is in-app unless its module or file matches an
/// exclude prefix/fragment, and an include prefix always wins over an exclude.
/// </summary>
public sealed class InAppRules
{
    public InAppRules(IEnumerable<string> includes, IEnumerable<string> excludes)
    {
        Includes = [.. includes];
        Excludes = [.. excludes];
    }

    /// <summary>Module prefixes or path fragments that are always in-app.</summary>
    public IReadOnlyList<string> Includes { get; }

    /// <summary>Module prefixes or path fragments of frameworks, runtimes and dependencies.</summary>
    public IReadOnlyList<string> Excludes { get; }

    /// <summary>The built-in exclude list.</summary>
    public static IReadOnlyList<string> DefaultExcludes { get; } =
    [
        // JVM
        "java.", "javax.", "jakarta.", "sun.", "com.sun.", "jdk.", "kotlin.", "kotlinx.", "scala.",
        "org.springframework.", "org.apache.", "org.hibernate.", "org.eclipse.jetty.", "io.netty.",
        "org.junit.", "junit.", "org.mockito.", "com.fasterxml.", "reactor.", "io.micrometer.", "org.slf4j.",
        "ch.qos.logback.", "com.zaxxer.", "org.postgresql.", "com.mysql.", "io.grpc.", "okhttp3.", "retrofit2.",
        // .NET
        "System.", "Microsoft.", "Npgsql.", "Newtonsoft.", "Polly.", "Serilog.", "NLog.", "Grpc.", "Xunit.",
        "Dapper.", "StackExchange.Redis.", "Castle.", "Autofac.", "MediatR.",
        // Python
        "site-packages", "dist-packages", "/lib/python", "\\lib\\python", "<frozen ", "<string>",
        // Node
        "node_modules", "node:", "internal/", "<anonymous>", "native",
        // Go
        "runtime/", "/usr/local/go/", "/go/pkg/mod/", "runtime.", "net/http.", "reflect.", "testing.",
        // Ruby
        "/gems/", "/ruby/", "<internal:",
        // PHP
        "/vendor/", "[internal function]",
        // Rust
        "/rustc/", "/.cargo/registry/", "std::", "core::", "alloc::", "tokio::", "__rust_",
    ];

    /// <summary>Defaults per runtime: standard libraries, common frameworks and dependency folders.</summary>
    public static InAppRules Default { get; } = new([], DefaultExcludes);

    /// <summary>The defaults plus the user's own includes and excludes (the user's includes win over every exclude).</summary>
    public static InAppRules WithOverrides(IEnumerable<string>? includes, IEnumerable<string>? excludes) =>
        new(includes ?? [], [.. DefaultExcludes, .. excludes ?? []]);

    /// <summary>Marks every frame of the exception, its causes, suppressed, group members and goroutines.</summary>
    public void Apply(ExceptionInfo exception)
    {
        foreach (var frame in exception.Frames)
            frame.InApp = IsInApp(frame);
        foreach (var goroutine in exception.Goroutines)
        {
            foreach (var frame in goroutine.Frames)
                frame.InApp = IsInApp(frame);
        }

        foreach (var cause in exception.Causes)
            Apply(cause);
        foreach (var suppressed in exception.Suppressed)
            Apply(suppressed);
        foreach (var member in exception.Group)
            Apply(member);
    }

    public bool IsInApp(Frame frame)
    {
        if (Matches(frame, Includes))
            return true;
        if (frame.Module is null && frame.File is null && frame.Function is null)
            return false;
        if (IsRubyGem(frame.Module))
            return false;
        return !Matches(frame, Excludes);
    }

    /// <summary>Rails-cleaned backtraces name library frames "gem (version)".</summary>
    private static bool IsRubyGem(string? module) =>
        module is { Length: > 4 } m && m[^1] == ')' && m.Contains(" (", StringComparison.Ordinal) && char.IsAsciiDigit(m[m.IndexOf(" (", StringComparison.Ordinal) + 2]);

    private static bool Matches(Frame frame, IReadOnlyList<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            if (frame.Module is { } module && module.StartsWith(pattern, StringComparison.Ordinal))
                return true;
            if (frame.Function is { } function && frame.Module is null && function.StartsWith(pattern, StringComparison.Ordinal))
                return true;
            if (frame.File is { } file && (file.StartsWith(pattern, StringComparison.Ordinal) || (pattern.Length > 3 && file.Contains(pattern, StringComparison.Ordinal))))
                return true;
        }

        return false;
    }
}
