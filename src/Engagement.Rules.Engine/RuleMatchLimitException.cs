using System;
using System.Collections.Generic;

namespace Engagement.Rules.Engine;

/// <summary>
/// A session would hold more than <see cref="SessionOptions.MaxPartialMatches"/> partial matches: a rule joins facts
/// without relating them (a cross product), or the session is larger than the limit allows. Thrown by the operation that crossed the limit; the session
/// is then left as the exception found it and should be discarded.
/// </summary>
public sealed class RuleMatchLimitException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="limit">The limit exceeded.</param>
    /// <param name="ruleIds">The rules whose condition was making the match that crossed the limit.</param>
    public RuleMatchLimitException(int limit, IReadOnlyList<string> ruleIds)
        : base(
            $"The session would hold more than {limit} partial matches; the conditions of {string.Join(", ", ruleIds)} were making the one past the limit. " +
            "Either a rule joins facts without relating them (a cross product: relate its patterns), or the session is larger than the limit allows " +
            "(raise SessionOptions.MaxPartialMatches).")
    {
        Limit = limit;
        RuleIds = [.. ruleIds]; // a copy: the caller's list may change afterwards
    }

    /// <summary>The limit exceeded.</summary>
    public int Limit { get; }

    /// <summary>The rules whose condition was making the match that crossed the limit (all the rules sharing that condition).</summary>
    public IReadOnlyList<string> RuleIds { get; }
}
