using Engagement.Rules.Engine.Runtime;

namespace Engagement.Rules.Engine.Network;

/// <summary>
/// One rule's view of a shared aggregate: the conditions on the aggregate's value (<c>where count &gt;= 2</c>) and
/// what follows in the rule. Rules that aggregate the same facts the same way below the same parent share one
/// aggregate node (one owner per left token, one sub-network, one computation) and differ only in their output
/// nodes, so "last visit over 12 months ago" and "over 24 months ago" collect the visits once. Its tokens sit at
/// the aggregate's level (their parent is the aggregate's left token); only its aggregate node emits them.
/// </summary>
internal sealed class AggregateOutputNode : BetaNode
{
    public AggregateOutputNode(int id, ConditionalNode aggregate, CompiledTest[] resultTests, string description)
        : base(id, aggregate, aggregate.Level)
    {
        ResultTests = resultTests;
        Description = description;
    }

    public CompiledTest[] ResultTests { get; }

    public string Description { get; }

    public override string Describe() => Description;

    public override void LeftActivate(Session session, Token parent)
    {
        // Fed by its aggregate node (Emit), never by a parent token.
    }

    /// <summary>Emits the aggregate's value below <paramref name="parent"/> when it passes the conditions; the token, or null.</summary>
    public Token? Emit(Session session, Token parent, object? value)
    {
        // The value is not a fact: a failing condition is reported with the token's facts only.
        if (!CompiledTest.AllHold(ResultTests, session, parent, value, fact: null))
        {
            return null;
        }

        var token = session.NewToken(parent, value, Id);
        EmitValue(session, token);
        return token;
    }
}
