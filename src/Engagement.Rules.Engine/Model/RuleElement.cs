namespace Engagement.Rules.Engine.Model;

/// <summary>An element of a rule's left-hand side.</summary>
/// <remarks>The set of element kinds is closed: the compiler knows every one of them.</remarks>
public abstract class RuleElement
{
    private protected RuleElement()
    {
    }
}
