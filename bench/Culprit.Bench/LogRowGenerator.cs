using System.Globalization;
using Culprit.Model;
using Culprit.Storage;

namespace Culprit.Bench;

/// <summary>
/// Deterministic log store rows that look like a busy system's: 8 services, 16 source files, about 8% errors
/// grouped into 200 incidents with culprit frames in 60 files, 40% of entries in traces of ten, 30% with
/// attributes, over two months. Text comes from prepared pools so that generating costs little next to storing.
/// </summary>
internal sealed class LogRowGenerator
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Services = ["checkout", "payments", "catalog", "search", "users", "orders", "shipping", "gateway"];
    private static readonly string[] Words = ["timeout", "connection", "refused", "order", "user", "payment", "cache", "retry", "request", "slow", "query", "lock", "queue", "token", "session"];

    private static readonly IReadOnlyDictionary<string, string> NoAttributes = new Dictionary<string, string>();

    private readonly Random _random;
    private readonly string[] _messages;
    private readonly string[] _exceptions;
    private readonly (string File, string Function)[] _culprits;
    private readonly IReadOnlyDictionary<string, string>[] _attributes;
    private readonly IReadOnlyList<string>[] _parameters;
    private readonly string[] _sources = [.. Enumerable.Range(0, 16).Select(i => $"/var/log/app/{Services[i % 8]}-{i / 8}.log")];
    private readonly long[] _lines = new long[16];
    private readonly long _stepTicks;
    private long _index;

    public LogRowGenerator(long total, int seed = 1)
    {
        _random = new Random(seed);
        // Two months of entries, whatever the count.
        _stepTicks = Math.Max(1, TimeSpan.FromDays(60).Ticks / Math.Max(1, total));
        _messages = [.. Enumerable.Range(0, 4000).Select(_ => Message())];
        _exceptions = [.. Enumerable.Range(0, 50).Select(i => $$"""{"type":"System.InvalidOperationException","message":"state {{i}} is not valid","frames":[{"function":"Run{{i}}","file":"src/Worker{{i}}.cs","line":{{10 + i}}},{"function":"Main","file":"src/Program.cs","line":12}]}""")];
        _culprits = [.. Enumerable.Range(0, 300).Select(i => ($"src/{Services[i % 8]}/Module{i % 60}.cs", $"Module{i % 60}.Handle{i % 5}"))];
        _attributes = [.. Enumerable.Range(0, 500).Select(i => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["user_id"] = "u-" + i, ["region"] = i % 2 == 0 ? "eu-west-1" : "us-east-1" })];
        _parameters = [.. Enumerable.Range(0, 500).Select(i => (IReadOnlyList<string>)[i.ToString(CultureInfo.InvariantCulture), "EUR"])];
    }

    public List<LogRow> Next(int count)
    {
        var rows = new List<LogRow>(count);
        for (var i = 0; i < count; i++)
            rows.Add(Row());
        return rows;
    }

    private LogRow Row()
    {
        var n = _index++;
        var s = (int)(n % 16);
        var roll = _random.Next(1000);
        var level = roll switch { < 100 => LogLevel.Debug, < 800 => LogLevel.Info, < 920 => LogLevel.Warn, < 995 => LogLevel.Error, _ => LogLevel.Fatal };
        var failing = level >= LogLevel.Error;
        var culprit = failing ? _culprits[_random.Next(_culprits.Length)] : default;
        var inTrace = _random.Next(10) < 4;
        return new LogRow
        {
            Source = _sources[s],
            Line = ++_lines[s],
            LastLine = _lines[s],
            ByteOffset = _lines[s] * 140,
            Timestamp = Start.AddTicks(n * _stepTicks),
            Level = level,
            Service = Services[s % 8],
            Environment = s < 14 ? "prod" : "staging",
            Version = "2.4." + (n / 1_000_000),
            CommitSha = "9f1c2e7a4b",
            Logger = "com.shop." + Services[s % 8] + ".Handler",
            Thread = "worker-" + (n % 32),
            Message = _messages[_random.Next(_messages.Length)],
            TemplateId = "t" + _random.Next(500),
            TemplateParameters = _parameters[_random.Next(_parameters.Length)],
            ExceptionType = failing ? "System.InvalidOperationException" : null,
            ExceptionJson = failing ? _exceptions[_random.Next(_exceptions.Length)] : null,
            IncidentId = failing ? "inc-" + _random.Next(200) : null,
            CulpritFile = culprit.File,
            CulpritFunction = culprit.Function,
            Attributes = _random.Next(10) < 3 ? _attributes[_random.Next(_attributes.Length)] : NoAttributes,
            TraceId = inTrace ? "trace-" + (n / 10).ToString("x12", CultureInfo.InvariantCulture) : null,
            SpanId = inTrace ? "span-" + (n % 10) : null,
            Format = "logback",
        };
    }

    private string Message()
    {
        var words = new string[_random.Next(8, 16)];
        for (var i = 0; i < words.Length; i++)
            words[i] = _random.Next(4) == 0 ? _random.Next(100_000).ToString(CultureInfo.InvariantCulture) : Words[_random.Next(Words.Length)];
        return string.Join(' ', words);
    }
}
