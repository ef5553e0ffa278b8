using System;
using System.Collections.Generic;

namespace Engagement.Rules.DependencyInjection;

/// <summary>
/// The engagement rules cannot start: invalid options, or rules that do not load (every diagnostic, formatted
/// <c>file:line:col: error CODE: message</c>). Every problem found is listed at once.
/// </summary>
public sealed class EngagementRulesConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="summary">What failed.</param>
    /// <param name="errors">Every problem, formatted.</param>
    public EngagementRulesConfigurationException(string summary, IReadOnlyList<string> errors)
        : base(Describe(summary, errors))
    {
        Errors = [.. errors]; // a copy: the caller's list may change afterwards
    }

    /// <summary>Creates the exception with a generic message and no problem listed (<see cref="Errors"/> is empty).</summary>
    public EngagementRulesConfigurationException()
        : this("The engagement rules are misconfigured.", [])
    {
    }

    /// <summary>Creates the exception with one problem.</summary>
    /// <param name="message">The problem.</param>
    public EngagementRulesConfigurationException(string message)
        : this(message, [message])
    {
    }

    /// <summary>Creates the exception with one problem and its cause.</summary>
    /// <param name="message">The problem.</param>
    /// <param name="innerException">The cause.</param>
    public EngagementRulesConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Every problem found, formatted.</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string Describe(string summary, IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 0 ? summary : summary + Environment.NewLine + string.Join(Environment.NewLine, errors);
    }
}
