using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Engagement.Rules.Engine.Model;
using Engagement.Rules.Engine.Network;

namespace Engagement.Rules.Engine.Runtime;

/// <summary>
/// A complete match of one rule alternative: a leaf of the token tree, on the agenda until it fires. The token
/// chain never changes, so the activation doubles as the immutable <see cref="IMatch"/> view of the match. Below a
/// join whose only successor is the terminal (<see cref="JoinNode.Terminal"/>) the activation is the join's token
/// as well (its level is the join's fact): one object per match instead of two.
/// </summary>
/// <remarks>
/// A pooled session state reuses its activations like its tokens, except those handed out as an
/// <see cref="IMatch"/> (<see cref="Exposed"/>): a host may keep one, and it must then keep reporting its
/// session as disposed instead of showing another session's facts.
/// </remarks>
internal sealed class Activation : Token, IMatch
{
    private readonly Session _session;
    private int _generation;
    private IReadOnlyList<object>? _facts;

    public Activation(Token parent, FactEntry? fact, int nodeId, TerminalNode terminal, long sequence, Session session)
        : base(parent, fact?.Object, fact, nodeId)
    {
        _session = session;
        Reset(parent, fact, nodeId, terminal, sequence);
    }

    public TerminalNode Terminal { get; private set; }

    /// <summary>Set once the activation has been handed out as an <see cref="IMatch"/>: it is then never reused.</summary>
    public bool Exposed;

    /// <summary>
    /// The deepest level of the match, which the actions read: the activation itself when it is a join's token
    /// (it has a <see cref="Token.Fact"/>), else its parent.
    /// </summary>
    public Token Leaf => Fact is null ? Parent! : this;

    /// <summary>
    /// Makes the activation stand for a new match of the current session of its state: on creation, and when a
    /// pooled, never exposed activation is reused. A join's token as well carries its <paramref name="fact"/> and
    /// the join's <paramref name="nodeId"/>; otherwise the fact is null and the node is the terminal.
    /// </summary>
    [MemberNotNull(nameof(Terminal))]
    public void Reset(Token parent, FactEntry? fact, int nodeId, TerminalNode terminal, long sequence)
    {
        Reuse(parent, fact?.Object, fact, nodeId);
        Terminal = terminal;
        Sequence = sequence;
        _generation = _session.Generation;
        _facts = null;
        Queued = false;
        WasQueued = false;
        Fired = false;
        Linked = null;
    }

    /// <summary>This activation as an <see cref="IMatch"/> a host can keep: never reused from now on.</summary>
    public IMatch Expose()
    {
        Exposed = true;
        return this;
    }

    public long Sequence;
    /// <summary>On the agenda (see <see cref="Agenda"/>: removal only clears this flag).</summary>
    public bool Queued;

    /// <summary>Put on the agenda once already: an agenda entry is never revived, so an activation is added at most once.</summary>
    public bool WasQueued;
    public bool Fired;

    /// <summary>The linked facts this match supports (see <see cref="FactEntry.Supports"/>), each once.</summary>
    public List<FactEntry>? Linked;

    public RuleDefinition Rule => Terminal.Rule;

    public IReadOnlyList<object> Facts => _facts ??= CollectFacts();

    /// <summary>False once the session disposed: its tokens may serve another session, so the match cannot be read.</summary>
    private bool IsLive => _session.Generation == _generation && _session.Handle is not null;

    public object? GetValue(Declaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ThrowIfStale();
        if (!Terminal.Levels.TryGetValue(declaration, out var level))
        {
            throw new ArgumentException($"Declaration '{declaration.Name}' is not bound in a match of rule '{Rule.Id}'.", nameof(declaration));
        }

        return Leaf.Ancestor(Terminal.Level - level).Value;
    }

    /// <summary>
    /// True when both activations are the same rule alternative over the same facts and values (an aggregate's
    /// value compared as <see cref="AggregateSpec.SameResult"/> does, <paramref name="updated"/> the object of the
    /// fact being updated, if any).
    /// </summary>
    public bool SameMatchAs(Activation other, object? updated)
    {
        if (other.Terminal != Terminal)
        {
            return false;
        }

        Token? a = Leaf;
        Token? b = other.Leaf;
        while (a is not null && b is not null)
        {
            if (a.Fact is not null || b.Fact is not null)
            {
                if (a.Fact != b.Fact)
                {
                    return false;
                }
            }
            else if (!Equals(a.Value, b.Value) && !SameAggregateResult(a, b, updated))
            {
                return false;
            }

            a = a.Parent;
            b = b.Parent;
        }

        return a is null && b is null;
    }

    private bool SameAggregateResult(Token a, Token b, object? updated) =>
        a.NodeId == b.NodeId
        && _session.Network.Nodes[a.NodeId] is AggregateOutputNode { Parent: ConditionalNode { Aggregate: { } aggregate } }
        && aggregate.SameResult(a.Value, b.Value, updated);

    /// <summary>True when the fact is one of the match's own facts.</summary>
    public bool Contains(FactEntry fact)
    {
        for (Token? t = Leaf; t is not null; t = t.Parent)
        {
            if (t.Fact == fact)
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => _facts is not null || IsLive ? $"{Rule.Id}({string.Join(", ", Facts)})" : $"{Rule.Id}(disposed session)";

    private void ThrowIfStale()
    {
        if (!IsLive)
        {
            throw new ObjectDisposedException(nameof(ISession), $"The session of this match of rule '{Rule.Id}' was disposed.");
        }
    }

    private object[] CollectFacts()
    {
        ThrowIfStale();
        var count = 0;
        for (Token? t = Leaf; t is not null; t = t.Parent)
        {
            if (t.Fact is not null)
            {
                count++;
            }
        }

        var facts = count == 0 ? Array.Empty<object>() : new object[count];
        for (Token? t = Leaf; t is not null; t = t.Parent)
        {
            if (t.Fact is not null)
            {
                facts[--count] = t.Value!;
            }
        }

        return facts;
    }
}
