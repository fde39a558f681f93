using System.Globalization;
using System.Text;
using Culprit.Code;

namespace Culprit.Bench;

/// <summary>
/// Generated source files that look like service code: a class per file, methods of 5–40 lines made of typical
/// statements over a vocabulary of domain words, each method with a doc line and a signature.
/// </summary>
public sealed class CodeGenerator(int seed)
{
    private static readonly string[] Nouns =
    [
        "user", "order", "invoice", "payment", "customer", "account", "session", "token", "request", "response", "cart",
        "item", "price", "discount", "address", "shipment", "warehouse", "stock", "report", "config", "cache", "queue",
        "message", "event", "retry", "timeout", "connection", "pool", "lease", "tenant", "role", "permission", "audit",
    ];

    private static readonly string[] Verbs =
    [
        "load", "save", "parse", "validate", "compute", "send", "fetch", "update", "delete", "create", "resolve", "apply",
        "build", "render", "check", "publish", "refresh", "merge", "split", "lock", "release", "schedule", "cancel",
    ];

    private readonly Random _random = new(seed);

    /// <summary>One file of <paramref name="methods"/> methods, with the symbols an extractor would find.</summary>
    public (string Text, IReadOnlyList<CodeSymbol> Symbols) File(string type, int methods)
    {
        var text = new StringBuilder();
        var symbols = new List<CodeSymbol>();
        text.Append("namespace Acme.Services;\n\n/// Handles ").Append(Noun()).Append(" work.\npublic sealed class ").Append(type).Append("\n{\n");
        text.Append("    private readonly I").Append(Title(Noun())).Append("Store _store;\n\n");
        var line = 8;
        for (var m = 0; m < methods; m++)
        {
            var (verb, noun, other) = (Verbs[_random.Next(Verbs.Length)], Noun(), Noun());
            var name = Title(verb) + Title(noun);
            var signature = $"(string {noun}Id, {Title(other)} {other}, CancellationToken cancellationToken)";
            text.Append("    /// ").Append(Title(verb)).Append("s the ").Append(noun).Append(" of a ").Append(other).Append(".\n");
            var start = line + 1;
            text.Append("    public async Task<").Append(Title(noun)).Append("> ").Append(name).Append(signature).Append("\n    {\n");
            var body = _random.Next(3, 38);
            for (var s = 0; s < body; s++)
                text.Append("        ").Append(Statement(noun, other)).Append('\n');
            text.Append("    }\n\n");
            var end = start + body + 2;
            symbols.Add(new CodeSymbol
            {
                Kind = SymbolKinds.Method, Name = name, QualifiedName = $"Acme.Services.{type}.{name}", StartLine = start, EndLine = end,
                Signature = signature, Doc = $"{Title(verb)}s the {noun} of a {other}.", Parent = $"Acme.Services.{type}", Calls = [Title(Verbs[_random.Next(Verbs.Length)]) + "Async"],
            });
            line = end + 2;
        }

        text.Append("}\n");
        symbols.Insert(0, new CodeSymbol { Kind = SymbolKinds.Class, Name = type, QualifiedName = $"Acme.Services.{type}", StartLine = 3, EndLine = line, Doc = "Handles work." });
        return (text.ToString(), symbols);
    }

    private string Statement(string noun, string other) => _random.Next(8) switch
    {
        0 => $"var {noun} = await _store.{Title(Verbs[_random.Next(Verbs.Length)])}{Title(noun)}Async({noun}Id, cancellationToken);",
        1 => $"if ({noun} is null) throw new {Title(noun)}NotFoundException({noun}Id);",
        2 => $"_logger.LogInformation(\"{Verbs[_random.Next(Verbs.Length)]} {noun} {{Id}} for {other} {{Other}}\", {noun}Id, {other}.Id);",
        3 => $"foreach (var {Noun()} in {other}.{Title(Noun())}s) {{ total += {Noun()}.Amount * {_random.Next(2, 99).ToString(CultureInfo.InvariantCulture)}; }}",
        4 => $"await _queue.PublishAsync(new {Title(noun)}{Title(Verbs[_random.Next(Verbs.Length)])}ed({noun}Id, {other}.Id), cancellationToken);",
        5 => $"var {Noun()}Count = {other}.Items.Count(i => i.{Title(Noun())} == {noun}Id);",
        6 => $"return await _{Noun()}Client.{Title(Verbs[_random.Next(Verbs.Length)])}Async({noun}, cancellationToken);",
        _ => $"cancellationToken.ThrowIfCancellationRequested(); // {Noun()} must not be {Verbs[_random.Next(Verbs.Length)]}ed twice",
    };

    private string Noun() => Nouns[_random.Next(Nouns.Length)];

    private static string Title(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
