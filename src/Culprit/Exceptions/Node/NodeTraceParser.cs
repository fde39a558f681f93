using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>
/// Reads Node.js / V8 and browser traces: a <c>Type: message</c> header (after any prefix on its line)
/// followed by <c>at ...</c> or <c>NAME@LOC</c> frames, util.inspect's <c>[Type: message] { ... }</c> form,
/// and Firefox / Safari stacks that have no header.
/// </summary>
public sealed class NodeTraceParser : ITraceParser
{
    public Runtime Runtime => Runtime.Node;

    public bool TryParse(TraceLines lines, int start, out TraceMatch match)
    {
        match = default;
        var line = lines[start];
        if (line.Length < 5)
            return false;

        if (NodeHeader.TryFind(line, 0, out var header)
            && NodeErrorReader.TryRead(lines, start, header, out var exception, out var last))
        {
            match = new TraceMatch(exception, start, last);
            return true;
        }

        if (NodeErrorReader.TryReadHeaderless(lines, start, out exception, out last))
        {
            match = new TraceMatch(exception, start, last);
            return true;
        }

        return false;
    }
}
