using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Engagement.Rules.Engine.Tests.Properties;

/// <summary>A stand-in session that only records the facts it is given, to exercise the generators without the engine.</summary>
internal sealed class RecordingSession : ISession
{
    private readonly List<object> _facts = [];

    public ISessionEvents Events => throw new NotSupportedException();

    public void Insert(object fact) => _facts.Add(fact);

    public void InsertAll(IEnumerable<object> facts) => _facts.AddRange(facts);

    public bool TryInsert(object fact)
    {
        _facts.Add(fact);
        return true;
    }

    public void Update(object fact)
    {
    }

    public bool TryUpdate(object fact) => true;

    public void Retract(object fact) => _facts.Remove(fact);

    public bool TryRetract(object fact) => _facts.Remove(fact);

    public int Fire() => 0;

    public int Fire(int maxFirings) => 0;

    public int Fire(CancellationToken cancellationToken) => 0;

    public IReadOnlyList<IMatch> GetAgenda() => [];

    public IEnumerable<T> Query<T>() => _facts.OfType<T>();

    public void Dispose()
    {
    }
}
