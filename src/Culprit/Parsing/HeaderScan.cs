namespace Culprit.Parsing;

/// <summary>What the field loop of <see cref="PlainHeaderReader"/> has seen so far on a line.</summary>
internal struct HeaderScan
{
    /// <summary>Fields are separated by pipes (NLog).</summary>
    public bool Pipes;

    /// <summary>A pid or thread was read: a <c>Name:</c> after it is a logger even without dots.</summary>
    public bool Structured;

    /// <summary>The previous field was a number (logcat's one-letter level follows pids).</summary>
    public bool AfterNumber;

    /// <summary>The previous field was a [thread] (Spring Boot 3.2 writes [app] [thread]).</summary>
    public bool AfterThread;

    /// <summary>The previous field was a level padded to a column (<c>Info   </c>): a padded name after it is the logger.</summary>
    public bool AfterPaddedLevel;

    /// <summary>A tab came before this field (zap's console encoder).</summary>
    public bool AfterTab;
}
