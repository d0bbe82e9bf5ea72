export { useProspects } from "./api/get-prospects";
export { NewProspect } from "./components/new-prospect";
export { ProspectDetails } from "./components/prospect-details";
export { ProspectList } from "./components/prospect-list";
export { ProspectPicker } from "./components/prospect-picker";
