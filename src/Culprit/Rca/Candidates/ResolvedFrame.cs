using Culprit.Code.Mapping;
using Culprit.Model;

namespace Culprit.Rca.Candidates;

/// <summary>A frame of the chain with where it landed in the repository; <see cref="Depth"/> counts innermost first from 0.</summary>
public sealed record ResolvedFrame(Frame Frame, int Depth, FrameResolution Resolution, bool OwnCode);

/// <summary>Candidates best first, and every frame's resolution for display.</summary>
public sealed record CandidateSet(IReadOnlyList<RcaCandidate> Candidates, IReadOnlyList<ResolvedFrame> Frames);
