using System;

namespace Engagement.Rules;

/// <summary>The evaluation of one customer failed (for example a rule threw or looped); the message names the customer.</summary>
public sealed class EngagementEvaluationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EngagementEvaluationException()
    {
        CustomerId = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    public EngagementEvaluationException(string message)
        : base(message)
    {
        CustomerId = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public EngagementEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
        CustomerId = string.Empty;
    }

    /// <summary>Creates the exception for a customer.</summary>
    /// <param name="customerId">The customer whose evaluation failed.</param>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public EngagementEvaluationException(string customerId, string message, Exception innerException)
        : base(message, innerException)
    {
        CustomerId = customerId;
    }

    /// <summary>The customer whose evaluation failed.</summary>
    public string CustomerId { get; }
}
