using Culprit.Model;

namespace Culprit.Grouping;

/// <summary>
/// Grouping v1 (docs/grouping.md): the root exception's type plus its in-app frames' module and function,
/// without line numbers; falling back to all frames, then to the normalised message.
/// </summary>
public sealed class FingerprinterV1 : IFingerprinter
{
    public const string Version = "v1";

    /// <summary>At most this many frames (innermost first) enter the fingerprint, so deep recursion does not split groups.</summary>
    public const int MaxFrames = 24;

    public Fingerprint Compute(LogEntry entry, ExceptionInfo? exception)
    {
        if (exception is null)
        {
            var message = MessageNormalizer.Normalize(entry.Message);
            return Make("log-message", [LevelName(entry.Level), entry.Logger ?? "", message]);
        }

        var root = exception.Root;
        var type = root.Type ?? exception.Type ?? "";
        var framed = FramedException(exception);
        if (framed is not null)
        {
            var inApp = FrameComponents(framed, inAppOnly: true);
            if (inApp.Count > 0)
                return Make("frames", [type, .. inApp]);
            return Make("all-frames", [type, .. FrameComponents(framed, inAppOnly: false)]);
        }

        return Make("message", [type, MessageNormalizer.Normalize(root.FullMessage ?? root.Message ?? "")]);
    }

    /// <summary>The root exception if it has frames, else the nearest exception outward that has.</summary>
    internal static ExceptionInfo? FramedException(ExceptionInfo exception)
    {
        for (var i = exception.Causes.Count - 1; i >= 0; i--)
        {
            if (HasFrames(exception.Causes[i]))
                return exception.Causes[i];
        }

        return HasFrames(exception) ? exception : null;
    }

    private static bool HasFrames(ExceptionInfo e) => e.Frames.Count > 0 || e.Goroutines.Count > 0;

    private static List<string> FrameComponents(ExceptionInfo e, bool inAppOnly)
    {
        var components = new List<string>();
        string? previous = null;
        foreach (var frame in e.InnermostFirst)
        {
            if (inAppOnly && !frame.InApp)
                continue;
            var component = FrameComponent(frame);
            if (component.Length == 0 || component == previous)
                continue; // recursion collapses to one frame
            components.Add(component);
            previous = component;
            if (components.Count == MaxFrames)
                break;
        }

        return components;
    }

    internal static string FrameComponent(Frame frame)
    {
        var function = FunctionNames.NormalizeFunction(frame.Function);
        var module = FunctionNames.NormalizeModule(frame.Module);
        if (module.Length == 0)
            module = FunctionNames.NormalizeFile(frame.File);
        if (function.Length == 0 && module.Length == 0)
            return "";
        return module + "|" + function;
    }

    internal static string LevelName(LogLevel level) => level.ToString().ToUpperInvariant();

    private static Fingerprint Make(string basis, List<string> components) => FingerprintHash.Make(Version, basis, components);
}
