using System;
using System.Collections.Generic;

namespace Engagement.Rules.Policies;

/// <summary>Invalid policy options: every problem found, reported at once.</summary>
public sealed class PolicyOptionsException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">The problems, each naming the option.</param>
    public PolicyOptionsException(IReadOnlyList<string> errors)
        : base(Describe(errors))
    {
        Errors = [.. errors]; // a copy: the caller's list may change afterwards
    }

    /// <summary>Creates the exception with one generic problem ("The policy options are invalid.").</summary>
    public PolicyOptionsException()
        : this(["The policy options are invalid."])
    {
    }

    /// <summary>Creates the exception with one problem.</summary>
    /// <param name="message">The problem.</param>
    public PolicyOptionsException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception with one problem and its cause.</summary>
    /// <param name="message">The problem.</param>
    /// <param name="innerException">The cause.</param>
    public PolicyOptionsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Every problem found, each naming the option.</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string Describe(IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return $"The policy options have {errors.Count} error(s):" + Environment.NewLine + "- " + string.Join(Environment.NewLine + "- ", errors);
    }
}
