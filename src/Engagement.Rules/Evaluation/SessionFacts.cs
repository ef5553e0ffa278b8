using System.Collections;
using System.Collections.Generic;

namespace Engagement.Rules.Evaluation;

/// <summary>
/// The facts of one evaluation as the session receives them: the evaluation context, the customer, the
/// dealership, then the other facts. A view, not a copy, so the whole set goes into the session in one
/// <see cref="Engine.ISession.InsertAll"/> (one change for the network: each match made once) without building a list.
/// </summary>
internal sealed class SessionFacts(EvaluationContext context, CustomerFacts facts) : IReadOnlyList<object>
{
    private const int Leading = 3;

    public int Count => Leading + facts.FactArray.Length;

    public object this[int index] => index switch
    {
        0 => context,
        1 => facts.Customer,
        2 => facts.Dealership,
        _ => facts.FactArray[index - Leading], // the array itself: an interface call less per fact
    };

    public IEnumerator<object> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
