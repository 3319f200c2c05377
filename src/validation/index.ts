export { Validator, hasErrors, type ValidateOptions } from './validator.js';
