using Engagement.Rules.Yaml.Expressions;

namespace Engagement.Rules.Yaml.Loading;

/// <summary>The expression compiler the loader uses unless a test substitutes its own.</summary>
internal static class DefaultExpressionCompiler
{
    /// <summary>The compiler for a load: the options' own (tests), or the real one with the loader's length limit.</summary>
    public static IExpressionCompiler For(RuleLoaderOptions options) =>
        options.ExpressionCompiler ?? new ExpressionCompiler(options.MaxExpressionLength, ExpressionCompiler.DefaultMaxNesting);
}
