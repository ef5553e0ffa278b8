using Engagement.Rules.Engine.Model;
using Engagement.Rules.Yaml.Diagnostics;

namespace Engagement.Rules.Yaml.Explaining;

/// <summary>A condition of a pattern (its <c>where</c>) or of an aggregate (its <c>having</c>), as its rule wrote it.</summary>
public sealed class ExplainedCondition
{
    internal ExplainedCondition(int index, ConditionElement condition)
    {
        Index = index;
        Condition = condition;
        var written = WrittenSource.Of(condition);
        Text = condition.Text ?? condition.Expression.Body.ToString();
        Location = written?.Location;
    }

    /// <summary>The condition's 0-based position among its element's conditions.</summary>
    public int Index { get; }

    /// <summary>The condition in the rule model.</summary>
    public ConditionElement Condition { get; }

    /// <summary>
    /// The condition as its rule wrote it (<c>(customer.householdSize ?? 0) &gt; 100</c>; a named condition by its name;
    /// a rule's <c>effective</c> dates as <c>effective until 2020-12-31</c>); the compiled expression's text for a
    /// condition built in C#.
    /// </summary>
    public string Text { get; }

    /// <summary>Where the condition is written (<c>file:line:column</c>); null for a rule the YAML loader did not build.</summary>
    public SourceLocation? Location { get; }

    /// <inheritdoc />
    public override string ToString() => Text;
}
