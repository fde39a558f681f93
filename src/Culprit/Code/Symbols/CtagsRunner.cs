using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Culprit.Code.Symbols;

/// <summary>
/// Runs Universal Ctags once over a batch of in-memory files: they are written to a fresh temporary folder as
/// <c>&lt;index&gt;.&lt;ext&gt;</c> (the extension picks ctags' parser, the index maps tags back; the real path
/// never reaches the file system), ctags reads the list and prints JSON, and the folder is deleted.
/// </summary>
internal sealed class CtagsRunner(string executable)
{
    // Only the kinds the mapper uses: fewer tags to print and parse. Fields: line, end, long kind, scope.
    private static readonly string[] FixedArguments =
    [
        "--options=NONE", "--output-format=json", "--sort=no", "--fields=-P-f-t+neKZ", "--extras=-F",
        "--kinds-Python=cfm", "--kinds-Java=cgimp", "--kinds-Go=fsit", "--kinds-Ruby=cfmS",
        "--kinds-JavaScript=CGScfgmvMp", "--kinds-TypeScript=CGcfgimnvp", "--kinds-PHP=cfint", "--kinds-Kotlin=cimo",
        "-f", "-", "-L", "files.txt",
    ];

    public string Executable { get; } = executable;

    /// <summary>Tags per input file, or the reason ctags could not run (null on success); <c>Missing</c> when it could not even start.</summary>
    public (List<CtagsTag>[] Tags, string? Failure, bool Missing) Run(IReadOnlyList<(string Language, string Text)> files, CancellationToken cancellationToken)
    {
        var tags = new List<CtagsTag>[files.Count];
        for (var i = 0; i < tags.Length; i++)
            tags[i] = [];
        var folder = Path.Combine(Path.GetTempPath(), "culprit-ctags-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var list = new StringBuilder();
            for (var i = 0; i < files.Count; i++)
            {
                var name = i.ToString(CultureInfo.InvariantCulture) + "." + Extension(files[i].Language);
                File.WriteAllText(Path.Combine(folder, name), files[i].Text);
                list.Append(name).Append('\n');
            }

            File.WriteAllText(Path.Combine(folder, "files.txt"), list.ToString());
            var (failure, missing) = Execute(folder, tags, cancellationToken);
            return (tags, failure, missing);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is not worth failing the batch for.
            }
        }
    }

    private (string? Failure, bool Missing) Execute(string folder, List<CtagsTag>[] tags, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in FixedArguments)
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("no process");
        }
        catch (Win32Exception e)
        {
            return ($"ctags could not be started ({Executable}: {e.Message})", true);
        }

        using (process)
        using (cancellationToken.Register(() => Kill(process)))
        {
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            using var output = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(output);
            process.WaitForExit();
            cancellationToken.ThrowIfCancellationRequested();
            if (process.ExitCode != 0)
            {
                var message = errors.GetAwaiter().GetResult().Split('\n', 2)[0].Trim();
                return ($"ctags failed ({Executable} exited with {process.ExitCode}: {message})", false);
            }

            CtagsOutput.Parse(output.GetBuffer().AsSpan(0, (int)output.Length), tags);
            return (null, false);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static string Extension(string language) => language switch
    {
        CodeLanguages.Python => "py",
        CodeLanguages.Java => "java",
        CodeLanguages.Kotlin => "kt",
        CodeLanguages.Go => "go",
        CodeLanguages.Ruby => "rb",
        CodeLanguages.JavaScript => "js",
        CodeLanguages.TypeScript => "ts",
        CodeLanguages.Php => "php",
        _ => "txt",
    };
}
