using System.Diagnostics;
using System.Globalization;
using Culprit.Storage;
using Culprit.Storage.DuckDb;
using DuckDB.NET.Data;

namespace Culprit.Bench;

/// <summary>
/// Ways of writing log rows into DuckDB, timed part by part on the same rows.
/// Usage: duckexp --rows N --batch N --modes direct,staging,... [--set "SQL"]...
/// </summary>
public static class DuckDbExperiment
{
    private static bool MarksFirst;
    private static readonly Stopwatch MarksSql = new();

    public static int Run(string[] args)
    {
        var rows = 1_000_000;
        var batch = 100_000;
        var modes = new List<string> { "direct" };
        var settings = new List<string>();
        var repeat = 1;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rows": rows = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--batch": batch = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--modes": modes = [.. args[++i].Split(',')]; break;
                case "--set": settings.Add(args[++i]); break;
                case "--marks-first": MarksFirst = true; break;
                case "--repeat": repeat = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine("usage: duckexp --rows N --batch N --modes a,b [--set SQL]"); return 2;
            }
        }

        var generator = new LogRowGenerator(rows);
        var batches = new List<List<LogRow>>();
        for (var done = 0; done < rows; done += batch)
            batches.Add(generator.Next(Math.Min(batch, rows - done)));
        for (var r = 0; r < repeat; r++)
        {
            foreach (var mode in modes)
                RunMode(mode, batches, rows, settings);
        }

        return 0;
    }

    private static string PerColumn(string sql, string mode)
    {
        var low = mode == "pc-dict" ? "dictionary" : "uncompressed";
        foreach (var c in new[] { "source", "service", "environment", "version", "commit_sha", "logger", "thread", "template_id", "exception_type", "exception_json", "incident_id", "culprit_file", "culprit_function", "format", "parse_note" })
            sql = System.Text.RegularExpressions.Regex.Replace(sql, "(\\n\\s*" + c + " VARCHAR( NOT NULL)?)", "$1 USING COMPRESSION " + low);
        foreach (var c in new[] { "message", "template_parameters", "attributes", "trace_id", "span_id", "request_id" })
            sql = System.Text.RegularExpressions.Regex.Replace(sql, "(\\n\\s*" + c + " VARCHAR( NOT NULL)?)", "$1 USING COMPRESSION uncompressed");
        return sql;
    }

    private static string IdTable(string sql, string mode)
    {
        if (mode.Length > 3)
            sql = sql.Replace("message VARCHAR NOT NULL", "message VARCHAR NOT NULL USING COMPRESSION " + mode[4..], StringComparison.Ordinal);
        foreach (var c in new[] { "source", "service", "environment", "version", "commit_sha", "logger", "thread", "template_id", "exception_type", "exception_json", "incident_id", "culprit_file", "culprit_function", "format", "parse_note" })
            sql = System.Text.RegularExpressions.Regex.Replace(sql, "(\\n\\s*" + c + ") VARCHAR", "$1 INTEGER");
        return sql;
    }

    private static void RunMode(string mode, List<List<LogRow>> batches, int rows, List<string> settings)
    {
        var path = Path.Combine(Path.GetTempPath(), "culprit-bench", "exp.duckdb");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        foreach (var file in new[] { path, path + ".wal" })
        {
            if (File.Exists(file))
                File.Delete(file);
        }

        using var connection = new DuckDBConnection("DataSource=" + path);
        connection.Open();
        void Exec(string sql)
        {
            using var c = connection.CreateCommand();
            c.CommandText = sql;
            c.ExecuteNonQuery();
        }

        foreach (var s in settings)
            Exec(s);
        foreach (var m in DuckDbLogSchema.Migrations)
            foreach (var s in m.Statements)
                Exec(mode.StartsWith("ids", StringComparison.Ordinal) ? IdTable(s, mode) : mode.StartsWith("pc", StringComparison.Ordinal) ? PerColumn(s, mode) : s);
        void Marks(List<LogRow> b)
        {
            var m = new Dictionary<string, long>();
            foreach (var row in b)
                m[row.Source] = Math.Max(m.GetValueOrDefault(row.Source), row.Line);
            var values = string.Join(", ", m.Select(kv => $"('{kv.Key}', {kv.Value})"));
            MarksSql.Start();
            Exec($"INSERT INTO log_sources VALUES {values} ON CONFLICT (source) DO UPDATE SET line = greatest(log_sources.line, excluded.line)");
            MarksSql.Stop();
        }

        var staging = mode.StartsWith("staging", StringComparison.Ordinal);
        var target = DuckDbLogSchema.Entries;
        if (mode == "staging-temp")
        {
            Exec($"CREATE TEMP TABLE stage AS SELECT * FROM {DuckDbLogSchema.Entries} LIMIT 0");
            target = "stage";
        }
        else if (mode == "staging-mem")
        {
            Exec("ATTACH ':memory:' AS mem");
            Exec($"CREATE TABLE mem.stage AS SELECT * FROM {DuckDbLogSchema.Entries} LIMIT 0");
            target = "stage";
        }

        using var json = new DuckDbLogRows();
        var fill = new Stopwatch();
        var close = new Stopwatch();
        var insert = new Stopwatch();
        var marks = new Stopwatch();
        var commit = new Stopwatch();
        MarksSql.Reset();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var total = Stopwatch.StartNew();
        foreach (var b in batches)
        {
            DuckDBTransaction? tx = staging ? null : connection.BeginTransaction();
            if (MarksFirst)
            {
                marks.Start();
                Marks(b);
                marks.Stop();
            }

            fill.Start();
            if (mode == "staging-mem")
                Exec("USE mem");
            using (var appender = new IdChunkAppender(connection, target, json) { UseIds = mode.StartsWith("ids", StringComparison.Ordinal) })
            {

                appender.Append(b);
                fill.Stop();
                close.Start();
                appender.Close();
                close.Stop();
                if (mode == "staging-mem")
                    Exec("USE exp");
            }

            if (staging)
            {
                tx = connection.BeginTransaction();
                insert.Start();
                Exec($"INSERT INTO {DuckDbLogSchema.Entries} SELECT * FROM {(mode == "staging-mem" ? "mem." : "")}stage");
                insert.Stop();
            }

            if (!MarksFirst)
            {
                marks.Start();
                Marks(b);
                marks.Stop();
            }
            commit.Start();
            tx!.Commit();
            commit.Stop();
            tx.Dispose();
            if (staging)
            {
                insert.Start();
                Exec($"DELETE FROM {(mode == "staging-mem" ? "mem." : "")}stage");
                insert.Stop();
            }
        }

        total.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        var checkpoint = Stopwatch.StartNew();
        Exec("CHECKPOINT");
        checkpoint.Stop();
        connection.Close();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mode,-14} {rows / total.Elapsed.TotalSeconds,9:N0} rows/s  total {total.Elapsed.TotalSeconds:N2} s cpu {cpu.TotalSeconds:N2} s: fill {fill.Elapsed.TotalSeconds:N2} close {close.Elapsed.TotalSeconds:N2} insert {insert.Elapsed.TotalSeconds:N2} marks {marks.Elapsed.TotalSeconds:N2} (sql {MarksSql.Elapsed.TotalSeconds:N2}) commit {commit.Elapsed.TotalSeconds:N2}; final checkpoint {checkpoint.Elapsed.TotalSeconds:N2} s, file {new FileInfo(path).Length / 1048576.0:N0} MB, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
    }
}
