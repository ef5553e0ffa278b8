using System;
using System.Collections.Generic;

namespace Engagement.Rules.Engine;

/// <summary>One <c>Fire</c> exceeded <see cref="SessionOptions.MaxFiringsPerFire"/>: the rules most probably loop.</summary>
public sealed class RuleLoopException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="limit">The limit exceeded.</param>
    /// <param name="ruleIds">The rules that fired most in the last firings, most frequent first.</param>
    public RuleLoopException(int limit, IReadOnlyList<string> ruleIds)
        : base($"More than {limit} rules fired in one Fire; the rules most probably loop: {string.Join(", ", ruleIds)}.")
    {
        Limit = limit;
        RuleIds = [.. ruleIds]; // a copy: the caller's list may change afterwards
    }

    /// <summary>The limit exceeded.</summary>
    public int Limit { get; }

    /// <summary>The rules that fired most in the last firings, most frequent first.</summary>
    public IReadOnlyList<string> RuleIds { get; }
}
