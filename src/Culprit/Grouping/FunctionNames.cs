using System.Text.RegularExpressions;

namespace Culprit.Grouping;

/// <summary>
/// Normalises compiler-generated names so that a method keeps one name across builds:
/// async state machines, lambdas, closures, anonymous classes and numbered Go closures.
/// </summary>
public static partial class FunctionNames
{
    public static string NormalizeFunction(string? function)
    {
        if (string.IsNullOrEmpty(function))
            return "";
        var f = function;

        // .NET async/iterator state machine: <InvokeAsync>d__18.MoveNext -> InvokeAsync
        var m = StateMachine().Match(f);
        if (m.Success)
            return m.Groups[1].Value;

        // .NET lambda / local function: <Main>b__0_0 -> Main.lambda, <Main>g__Local|0_0 -> Main.Local
        m = DotNetLambda().Match(f);
        if (m.Success)
            return m.Groups[1].Value + ".lambda";
        m = DotNetLocal().Match(f);
        if (m.Success)
            return m.Groups[1].Value + "." + m.Groups[2].Value;

        // Java lambda: lambda$main$0 -> main.lambda; Scala: $anonfun$run$1 -> run.anonfun
        m = JavaLambda().Match(f);
        if (m.Success)
            return m.Groups[1].Value + ".lambda";
        m = ScalaAnonFun().Match(f);
        if (m.Success)
            return m.Groups[1].Value + ".anonfun";

        // Go closures: serve.func1.2 -> serve.func
        f = GoClosure().Replace(f, ".func");

        // Numbered suffixes that change between builds: handler$1, access$000
        f = NumberSuffix().Replace(f, "$n");
        return f;
    }

    public static string NormalizeModule(string? module)
    {
        if (string.IsNullOrEmpty(module))
            return "";
        var m = module;

        // .NET nested state machine / display class: Ns.Type+<Run>d__4 -> Ns.Type, Ns.Type.<>c__DisplayClass2_0 -> Ns.Type
        var cut = m.IndexOf("+<", StringComparison.Ordinal);
        if (cut < 0)
            cut = m.IndexOf(".<", StringComparison.Ordinal);
        if (cut > 0)
            m = m[..cut];
        m = m.Replace("+<>c", "", StringComparison.Ordinal);

        // Java anonymous and synthetic classes: Foo$1 -> Foo$n, Foo$$Lambda$123/0x... -> Foo$$Lambda
        m = JavaLambdaClass().Replace(m, "$$Lambda");
        m = NumberSuffix().Replace(m, "$n");
        return m;
    }

    /// <summary>The last two segments of a path, so that deploy roots (/app, /home/runner/work/x) do not split groups.</summary>
    public static string NormalizeFile(string? file)
    {
        if (string.IsNullOrEmpty(file))
            return "";
        var f = file.Replace('\\', '/');
        var query = f.IndexOfAny(['?', '#']);
        if (query > 0 && f.Contains("://", StringComparison.Ordinal))
            f = f[..query];
        var last = f.LastIndexOf('/');
        if (last <= 0)
            return f;
        var previous = f.LastIndexOf('/', last - 1);
        return f[(previous + 1)..];
    }

    [GeneratedRegex(@"^<([^>]+)>d__\d+\.MoveNext$")]
    private static partial Regex StateMachine();

    [GeneratedRegex(@"^<([^>]+)>b__[\d_]+$")]
    private static partial Regex DotNetLambda();

    [GeneratedRegex(@"^<([^>]+)>g__([^|]+)\|[\d_]+$")]
    private static partial Regex DotNetLocal();

    [GeneratedRegex(@"^lambda\$(.+?)\$\d+$")]
    private static partial Regex JavaLambda();

    [GeneratedRegex(@"^\$anonfun\$(.+?)\$\d+(\$adapted)?$")]
    private static partial Regex ScalaAnonFun();

    [GeneratedRegex(@"\.func\d+(\.\d+)*")]
    private static partial Regex GoClosure();

    [GeneratedRegex(@"\$\d+")]
    private static partial Regex NumberSuffix();

    [GeneratedRegex(@"\$\$Lambda(\$\d+)?(/0x[0-9a-fA-F]+)?(@[0-9a-fA-F]+)?")]
    private static partial Regex JavaLambdaClass();
}
