namespace Culprit.Parsing;

/// <summary>What reading one header field did: nothing (the message starts here), read it, or read the last one.</summary>
internal enum HeaderStep
{
    NoMatch,
    Next,
    Stop,
}
