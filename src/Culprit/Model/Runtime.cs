namespace Culprit.Model;

/// <summary>The runtime whose trace format an exception was printed in.</summary>
public enum Runtime
{
    Unknown,
    Java,
    DotNet,
    Python,
    Node,
    Go,
    Ruby,
    Php,
    Rust,
}
