/** Tool name and version written into every custody entry and report; kept equal to package.json by a test. */
export const TOOL_NAME = 'Tokentrail';
export const TOOL_VERSION = '0.1.0';
