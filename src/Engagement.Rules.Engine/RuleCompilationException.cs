using System;
using System.Collections.Generic;
using System.Linq;

namespace Engagement.Rules.Engine;

/// <summary>Rules could not be compiled; <see cref="Errors"/> lists every problem found, not only the first.</summary>
public sealed class RuleCompilationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">The problems, at least one.</param>
    public RuleCompilationException(IReadOnlyList<RuleCompilationError> errors)
        : base(Format(errors))
    {
        Errors = [.. errors]; // a copy: the caller's list may change afterwards
    }

    /// <summary>The problems found.</summary>
    public IReadOnlyList<RuleCompilationError> Errors { get; }

    private static string Format(IReadOnlyList<RuleCompilationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return $"{errors.Count} rule compilation error(s):" + Environment.NewLine
            + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
    }
}
