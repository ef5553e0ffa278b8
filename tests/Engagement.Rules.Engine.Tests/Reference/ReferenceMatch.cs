using System.Collections.Generic;
using Engagement.Rules.Engine.Model;

namespace Engagement.Rules.Engine.Tests.Reference;

/// <summary>One match found by the <see cref="ReferenceMatcher"/>: the rule, the values bound, and the canonical key.</summary>
internal sealed record ReferenceMatch(RuleDefinition Rule, IReadOnlyDictionary<Declaration, object?> Values, string Key)
{
    public override string ToString() => Key;
}
