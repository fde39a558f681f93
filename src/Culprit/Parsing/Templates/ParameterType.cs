namespace Culprit.Parsing.Templates;

/// <summary>What a template parameter holds, as inferred from its text.</summary>
public enum ParameterType
{
    /// <summary>Anything else: a word, a name, several tokens.</summary>
    Text,
    Number,
    Hex,
    Boolean,
    Null,
    IpAddress,
    HostPort,
    MacAddress,
    Uuid,
    Path,
    Url,
    Email,
    DateTime,

    /// <summary>A number with a size unit: <c>12KB</c>, <c>2048K</c>.</summary>
    Size,

    /// <summary>A number with a time unit: <c>65020ms</c>, <c>30s</c>.</summary>
    Duration,
    Version,

    /// <summary>An id with digits in it: <c>blk_-1608999687919862906</c>, <c>attempt_1445144423722_0020_m_000000_0</c>.</summary>
    Identifier,
}
