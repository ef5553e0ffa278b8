using System;
using System.Collections.Generic;
using Engagement.Rules.Engine.Tests.Properties.Facts;

namespace Engagement.Rules.Engine.Tests.Properties.Generation;

/// <summary>
/// The facts a session should hold, kept in step with it: each generated operation is applied to both, so the
/// reference matcher can be run over <see cref="Facts"/> and compared with the session's agenda.
/// </summary>
public sealed class FactWorld
{
    private static readonly string[] Strings = ["a", "b", "c"];

    private readonly List<object> _facts = [];
    private int _nextId = 1;

    /// <summary>The facts in memory, in insertion order (a new version takes the place of the old one).</summary>
    public IReadOnlyList<object> Facts => _facts;

    /// <summary>Applies an operation to the session and to this world; returns a description of what was done.</summary>
    public string Apply(FactOpSpec op, ISession session)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(session);
        if (op.Kind == 3)
        {
            var batch = new object[2 + (op.Target % 4)];
            for (var k = 0; k < batch.Length; k++)
            {
                batch[k] = NewFact(op with { Type = op.Type + k, X = (op.X + k) % 4, Y = (op.Y + (2 * k)) % 4 });
            }

            _facts.AddRange(batch);
            session.InsertAll(batch);
            return "insert all " + string.Join(", ", (IEnumerable<object>)batch);
        }

        if (op.Kind == 0 || _facts.Count == 0)
        {
            var fact = NewFact(op);
            _facts.Add(fact);
            session.Insert(fact);
            return "insert " + fact;
        }

        var index = op.Target % _facts.Count;
        var target = _facts[index];
        if (op.Kind == 1)
        {
            var before = target.ToString();
            var updated = Update(target, op);
            _facts[index] = updated;
            session.Update(updated);
            return $"update {before} -> {updated}" + (ReferenceEquals(updated, target) ? " (mutated)" : " (new version)");
        }

        _facts.RemoveAt(index);
        var handle = op.UseOtherVersion ? OtherVersion(target) : target;
        session.Retract(handle);
        return "retract " + target + (ReferenceEquals(handle, target) ? string.Empty : " through another version");
    }

    private object NewFact(FactOpSpec op)
    {
        var id = _nextId++;
        var s = Strings[op.S % Strings.Length];
        return (op.Type % 3) switch
        {
            0 => new Alpha(id, op.X, op.Y, s),
            1 => new Beta(id, op.X, op.Y, s),
            _ => new Gamma(id, op.X, op.Y, s),
        };
    }

    private static object Update(object fact, FactOpSpec op)
    {
        var s = Strings[op.S % Strings.Length];
        switch (fact)
        {
            case Alpha alpha:
                switch (op.Field % 3)
                {
                    case 0:
                        alpha.X = op.X;
                        break;
                    case 1:
                        alpha.Y = op.X;
                        break;
                    default:
                        alpha.S = s;
                        break;
                }

                return alpha;
            case Beta beta:
                return (op.Field % 3) switch
                {
                    0 => beta with { X = op.X },
                    1 => beta with { Y = op.X },
                    _ => beta with { S = s },
                };
            case Gamma gamma:
                return (op.Field % 3) switch
                {
                    0 => gamma with { X = op.X },
                    1 => gamma with { Y = op.X },
                    _ => gamma with { S = s },
                };
            default:
                throw new NotSupportedException(fact.GetType().Name);
        }
    }

    // Another object with the same identity (and different field values): Retract must find the fact by identity.
    private static object OtherVersion(object fact) => fact switch
    {
        Beta beta => beta with { X = beta.X + 10 },
        Gamma gamma => gamma with { X = gamma.X + 10 },
        _ => fact,
    };
}
