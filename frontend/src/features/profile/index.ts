export { meQuery, profileKeys, useMe } from "./api/get-me";
