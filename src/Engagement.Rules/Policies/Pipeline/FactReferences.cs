using System.Collections.Generic;
using Engagement.Rules.Decisions;

namespace Engagement.Rules.Policies.Pipeline;

/// <summary>
/// The fact references of one evaluation's explanations: most proposals match the same few facts (the customer,
/// the evaluation context, a vehicle), so each fact is described once and its (immutable) reference shared.
/// </summary>
internal sealed class FactReferences
{
    private readonly List<(object Fact, FactReference Reference)> _described = new(8);

    public FactReference[] Describe(IReadOnlyList<object>? facts)
    {
        if (facts is null || facts.Count == 0)
        {
            return [];
        }

        var count = 0;
        for (var i = 0; i < facts.Count; i++)
        {
            count += facts[i] is null ? 0 : 1;
        }

        if (count == 0)
        {
            return [];
        }

        var references = new FactReference[count];
        var next = 0;
        for (var i = 0; i < facts.Count; i++)
        {
            if (facts[i] is { } fact)
            {
                references[next++] = Describe(fact);
            }
        }

        return references;
    }

    private FactReference Describe(object fact)
    {
        foreach (var (known, reference) in _described)
        {
            if (ReferenceEquals(known, fact))
            {
                return reference;
            }
        }

        var described = PolicyPipeline.Describe(fact);
        _described.Add((fact, described));
        return described;
    }
}
