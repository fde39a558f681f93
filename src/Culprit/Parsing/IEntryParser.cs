using Culprit.Framing;
using Culprit.Model;

namespace Culprit.Parsing;

/// <summary>Turns a framed entry into a normalised <see cref="LogEntry"/> (without trace parsing).</summary>
public interface IEntryParser
{
    LogEntry Parse(RawEntry raw);
}
