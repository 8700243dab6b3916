export default defineBackground(() => {
  console.log('hirebridge background');
});
