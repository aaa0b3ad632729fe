import { backtestFlow } from '../services/flows/backtest';
import { exportFlow } from '../services/flows/flow-document';
import { checkFlowDocument, duplicateFlow, importFlow } from '../services/flows/import-flow';
import { readProcedure, writeProcedure } from '../trpc';
import { ZIdInputSchema as id } from '../schemas/common.schemas';
import {
  ZBacktestInputSchema,
  ZBacktestResultSchema,
  ZCheckImportResultSchema,
  ZExportFlowInputSchema,
  ZFlowDocumentSchema,
  ZImportFlowInputSchema,
  ZImportFlowResultSchema,
} from '../schemas/flow-transfer.schemas';
import { ZFlowSchema } from '../schemas/flows.schemas';

/** `flows.export | checkImport | import | duplicate | backtest`: spread into the flows router. */
export const flowTransferProcedures = {
  /** The flow as a portable document (no ids but node ids, no header values but `$secret(…)` references). */
  export: readProcedure
    .input(ZExportFlowInputSchema)
    .output(ZFlowDocumentSchema)
    .query(({ ctx, input }) => exportFlow(ctx.deps, ctx.caller, input)),
  /** What importing the document would report (errors with paths, warnings), creating nothing. */
  checkImport: writeProcedure
    .input(ZImportFlowInputSchema)
    .output(ZCheckImportResultSchema)
    .mutation(async ({ ctx, input }) => {
      const { definition, ...check } = await checkFlowDocument(ctx.deps, ctx.caller, input.document);

      return { ...check, name: input.name?.trim() || check.name, nodeCount: definition?.nodes.length ?? 0 };
    }),
  /** Creates a disabled flow from an exported document. */
  import: writeProcedure
    .input(ZImportFlowInputSchema)
    .output(ZImportFlowResultSchema)
    .mutation(({ ctx, input }) => importFlow(ctx.runtime, ctx.caller, input)),
  /** "<name> (copy)", disabled. */
  duplicate: writeProcedure
    .input(id)
    .output(ZFlowSchema)
    .mutation(({ ctx, input }) => duplicateFlow(ctx.runtime, ctx.caller, input.id)),
  /** Dry-runs a version (or an unsaved definition) over the last logged events of its trigger. */
  backtest: writeProcedure
    .input(ZBacktestInputSchema)
    .output(ZBacktestResultSchema)
    .mutation(({ ctx, input }) => backtestFlow(ctx.runtime, ctx.caller, input)),
};
