export { NewDeal } from "./components/new-deal";
export { PipelineBoard } from "./components/pipeline-board";
export { PipelineSummary } from "./components/pipeline-summary";
export { ProspectDeals } from "./components/prospect-deals";
