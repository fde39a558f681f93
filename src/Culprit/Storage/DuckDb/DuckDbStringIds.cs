namespace Culprit.Storage.DuckDb;

/// <summary>
/// The ids of <see cref="DuckDbLogSchema.Strings"/>, cached for the appender: every distinct value of the
/// dictionary columns is held in memory once the first append loads them. Ids handed out during an append are
/// pending until the transaction that stores them commits; <see cref="Rollback"/> forgets them when it does not.
/// </summary>
internal sealed class DuckDbStringIds
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _pending = [];
    private int _next = 1;

    public bool Loaded { get; private set; }

    /// <summary>Values given an id since the last commit or rollback, in id order (the first has <see cref="FirstPendingId"/>).</summary>
    public IReadOnlyList<string> Pending => _pending;

    public int FirstPendingId => _next - _pending.Count;

    /// <summary>Takes the stored ids (from <c>SELECT id, value</c>).</summary>
    public void Load(IEnumerable<(int Id, string Value)> stored)
    {
        _ids.Clear();
        _pending.Clear();
        _next = 1;
        foreach (var (id, value) in stored)
        {
            _ids[value] = id;
            _next = Math.Max(_next, id + 1);
        }

        Loaded = true;
    }

    public int Id(string value)
    {
        if (_ids.TryGetValue(value, out var id))
            return id;
        id = _next++;
        _ids.Add(value, id);
        _pending.Add(value);
        return id;
    }

    /// <summary>The pending values are stored.</summary>
    public void Commit() => _pending.Clear();

    /// <summary>The pending values were not stored: forget them and their ids.</summary>
    public void Rollback()
    {
        foreach (var value in _pending)
            _ids.Remove(value);
        _next -= _pending.Count;
        _pending.Clear();
    }
}
