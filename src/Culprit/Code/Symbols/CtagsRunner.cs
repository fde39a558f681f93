using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Culprit.Code.Symbols;

/// <summary>
/// Runs Universal Ctags once over a batch of in-memory files through its <c>--_interactive</c> mode: each file is
/// sent on stdin as a <c>generate-tags</c> request named <c>&lt;index&gt;.&lt;ext&gt;</c> (the extension picks the
/// parser, the index maps tags back) followed by its bytes, and tags come back as JSON lines. Nothing touches the disk.
/// </summary>
internal sealed class CtagsRunner(string executable)
{
    // Only the kinds the mapper uses: fewer tags to print and parse. Fields: line, end, long kind, scope.
    private static readonly string[] FixedArguments =
    [
        "--options=NONE", "--_interactive", "--sort=no", "--fields=-P-f-t+neKZ", "--extras=-F",
        "--kinds-Python=cfm", "--kinds-Java=cgimp", "--kinds-Go=fsit", "--kinds-Ruby=cfmS",
        "--kinds-JavaScript=CGScfgmvMp", "--kinds-TypeScript=CGcfgimnvp", "--kinds-PHP=cfint", "--kinds-Kotlin=cimo",
    ];

    public string Executable { get; } = executable;

    /// <summary>Tags per input file, or the reason ctags could not run (null on success); <c>Missing</c> when it could not even start.</summary>
    public (List<CtagsTag>[] Tags, string? Failure, bool Missing) Run(IReadOnlyList<(string Language, string Text)> files, CancellationToken cancellationToken)
    {
        var tags = new List<CtagsTag>[files.Count];
        for (var i = 0; i < tags.Length; i++)
            tags[i] = [];
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardInput = true,
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
            return (tags, $"ctags could not be started ({Executable}: {e.Message})", true);
        }

        using (process)
        using (cancellationToken.Register(() => Kill(process)))
        {
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            // Requests are written while the output is read, so neither pipe can fill up and stall the other side.
            var writer = Task.Run(() => Send(process.StandardInput.BaseStream, files), cancellationToken);
            using var output = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(output);
            process.WaitForExit();
            var sent = Wait(writer);
            cancellationToken.ThrowIfCancellationRequested();
            if (process.ExitCode != 0 || sent is not null)
            {
                var message = errors.GetAwaiter().GetResult().Split('\n', 2)[0].Trim();
                return (tags, $"ctags failed ({Executable} exited with {process.ExitCode}: {(message.Length > 0 ? message : sent)})", false);
            }

            CtagsOutput.Parse(output.GetBuffer().AsSpan(0, (int)output.Length), tags);
            return (tags, null, false);
        }
    }

    private static void Send(Stream input, IReadOnlyList<(string Language, string Text)> files)
    {
        try
        {
            var buffer = new byte[64 * 1024];
            for (var i = 0; i < files.Count; i++)
            {
                var (language, text) = files[i];
                var byteCount = Encoding.UTF8.GetByteCount(text);
                if (buffer.Length < byteCount)
                    buffer = new byte[byteCount];
                var written = Encoding.UTF8.GetBytes(text, buffer);
                var request = string.Create(CultureInfo.InvariantCulture,
                    $"{{\"command\":\"generate-tags\",\"filename\":\"{i}.{Extension(language)}\",\"size\":{written}}}\n");
                input.Write(Encoding.ASCII.GetBytes(request));
                input.Write(buffer, 0, written);
            }
        }
        finally
        {
            input.Close();
        }
    }

    private static string? Wait(Task writer)
    {
        try
        {
            writer.GetAwaiter().GetResult();
            return null;
        }
        catch (IOException e)
        {
            // ctags exited before reading everything (a crash); its exit code and stderr say more.
            return e.Message;
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
