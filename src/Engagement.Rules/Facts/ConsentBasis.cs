namespace Engagement.Rules.Facts;

/// <summary>How a consent was obtained; implied consents usually expire (e.g. CASL: two years after a purchase, six months after an inquiry).</summary>
public enum ConsentBasis
{
    /// <summary>Expressly given by the customer.</summary>
    Express = 0,

    /// <summary>Implied by an existing business relationship: a purchase or a lease.</summary>
    ImpliedByPurchase = 1,

    /// <summary>Implied by an inquiry or application.</summary>
    ImpliedByInquiry = 2,
}
