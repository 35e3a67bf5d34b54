const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

/**
 * The one webpack configuration of every Node program here (the three services and the tools): a bundle of
 * src/main.ts and the workspace libs it imports, written to dist/<projectPath>; packages from node_modules
 * stay external, so the bundle runs against the installed node_modules.
 */
module.exports = function nodeAppConfig(projectDir, projectPath) {
  return {
    context: projectDir,
    output: {
      path: join(__dirname, '../../dist', projectPath),
      clean: true,
      ...(process.env.NODE_ENV !== 'production' && {
        devtoolModuleFilenameTemplate: '[absolute-resource-path]',
      }),
    },
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: './src/main.ts',
        tsConfig: './tsconfig.app.json',
        assets: [],
        optimization: false,
        outputHashing: 'none',
        generatePackageJson: false,
        sourceMap: true,
      }),
    ],
  };
};
